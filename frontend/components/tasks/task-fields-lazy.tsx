"use client";
/** The optional task fields, loaded when first opened (More options, or editing a task): the first screen does without them. */
import dynamic from "next/dynamic";

export const TaskFields = dynamic(() => import("./task-fields").then((module) => module.TaskFields), { ssr: false });
