"use client";
/** A moment shown in the reader's own time zone; the server, which cannot know it, renders UTC until hydration. */
import { useSyncExternalStore } from "react";

const neverChanges = () => () => {};

const format = (iso: string, timeZone?: "UTC") =>
  new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso)) + (timeZone ? " UTC" : "");

export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    neverChanges,
    () => format(iso),
    () => format(iso, "UTC"),
  );
  return <time dateTime={iso}>{text}</time>;
}
