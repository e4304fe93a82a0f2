import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { InvalidArgumentError } from "commander";
import { collectTags, parseDue, taskToCreate, taskToPatch } from "./task-input";

describe("task flags", () => {
  it("reads due dates as local days and times, instants with a zone, or none", () => {
    assert.equal(parseDue("2030-01-15"), new Date(2030, 0, 15, 23, 59).toISOString());
    assert.equal(parseDue("2030-01-15 17:00"), new Date(2030, 0, 15, 17, 0).toISOString());
    assert.equal(parseDue("2030-01-15T17:00:00Z"), "2030-01-15T17:00:00.000Z");
    assert.deepEqual(taskToPatch({ due: parseDue("none") }), { due_at: null });
    for (const bad of ["tomorrow", "2030-13-45", "15/01/2030", "2030-01-15 5pm"]) assert.throws(() => parseDue(bad), InvalidArgumentError, bad);
  });

  it("collects tags as the web app normalises them", () => {
    assert.deepEqual(collectTags("Work, errands", collectTags("home")), ["home", "work", "errands"]);
  });

  it("answers the common mistakes before any request, in the web app's words", () => {
    assert.equal(taskToCreate("  ", {}), "Give the task a title.");
    assert.equal(taskToCreate("Pay rent", { repeat: "monthly" }), "A repeating task needs a due date to repeat from.");
    assert.match(String(taskToPatch({})), /Say what to change/);
    assert.deepEqual(taskToCreate(" Pay rent ", { repeat: "monthly", every: 2, due: parseDue("2030-01-01"), tag: ["home"] }), {
      title: "Pay rent",
      recurrence: "monthly",
      recurrence_interval: 2,
      due_at: new Date(2030, 0, 1, 23, 59).toISOString(),
      tags: ["home"],
    });
  });
});
