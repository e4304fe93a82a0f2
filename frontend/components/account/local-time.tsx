"use client";
/**
 * A moment shown in the reader's own locale and time zone. The server cannot know either, so it renders
 * one fixed form (en-US, UTC) that hydration reproduces exactly; the reader's own form follows at once.
 */
import { useSyncExternalStore } from "react";

const neverChanges = () => () => {};

const readerForm = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
const serverForm = (iso: string) => `${new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso))} UTC`;

export function LocalTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    neverChanges,
    () => readerForm(iso),
    () => serverForm(iso),
  );
  return <time dateTime={iso}>{text}</time>;
}
