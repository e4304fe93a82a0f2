import { describe, expect, it } from "vitest";
import { DEFAULT_FILTERS, filtersToParams, filtersToQuery, isAgenda, isFiltered, parseFilters, withoutFilters } from "./filters";

describe("parseFilters", () => {
  it("reads every filter from the URL", () => {
    const params = new URLSearchParams("status=all&priority=high&tag=Home&tag=work&tag=home&q=%20rent%20&sort=due&order=asc&due_after=2026-12-01&due_before=2026-12-31&overdue=true");
    expect(parseFilters(params)).toEqual({
      status: "all",
      priority: "high",
      tags: ["home", "work"],
      q: "rent",
      sort: "due",
      order: "asc",
      dueAfter: "2026-12-01",
      dueBefore: "2026-12-31",
      overdue: true,
    });
  });

  it("falls back to the defaults for unknown or malformed values", () => {
    const params = new URLSearchParams("status=everything&priority=urgent&sort=random&order=sideways&due_after=tomorrow&overdue=yes");
    expect(parseFilters(params)).toEqual(DEFAULT_FILTERS);
  });
});

describe("filtersToParams", () => {
  it("writes nothing for the default view", () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe("");
  });

  it("round-trips a full view through the URL", () => {
    const view = { ...DEFAULT_FILTERS, status: "completed" as const, tags: ["a b", "c"], q: "50% off", sort: "title" as const, order: "asc" as const, overdue: true };
    expect(parseFilters(new URLSearchParams(filtersToParams(view).toString()))).toEqual(view);
  });
});

describe("isFiltered", () => {
  it("ignores the status and sorting but notices any filter", () => {
    expect(isFiltered({ ...DEFAULT_FILTERS, sort: "title" })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, status: "completed" })).toBe(false);
    expect(isFiltered({ ...DEFAULT_FILTERS, q: "x" })).toBe(true);
    expect(isFiltered({ ...DEFAULT_FILTERS, tags: ["home"] })).toBe(true);
  });
});

describe("filtersToQuery", () => {
  it("turns local days into UTC bounds that include the whole last day", () => {
    const query = filtersToQuery({ ...DEFAULT_FILTERS, dueAfter: "2026-12-01", dueBefore: "2026-12-05" });
    expect(query.due_after).toBe(new Date(2026, 11, 1).toISOString());
    expect(query.due_before).toBe(new Date(2026, 11, 6).toISOString());
  });

  it("sends only the filters in use", () => {
    expect(filtersToQuery(DEFAULT_FILTERS)).toEqual({ status: "pending", sort: "due", order: "asc" });
    expect(filtersToQuery({ ...DEFAULT_FILTERS, tags: ["x"], overdue: true, priority: "low" })).toMatchObject({ tag: ["x"], overdue: true, priority: "low" });
  });
});

describe("the agenda", () => {
  it("is the default view, and clearing filters stays in the same view", () => {
    expect(isAgenda(DEFAULT_FILTERS)).toBe(true);
    expect(isAgenda({ ...DEFAULT_FILTERS, status: "all" })).toBe(false);
    expect(isAgenda({ ...DEFAULT_FILTERS, sort: "title" })).toBe(false);
    expect(withoutFilters({ ...DEFAULT_FILTERS, status: "completed", tags: ["home"], q: "x" })).toEqual({ ...DEFAULT_FILTERS, status: "completed" });
  });
});
