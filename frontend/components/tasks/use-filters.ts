"use client";
/** The current view's filters, read from and written to the URL so reload, back and sharing work. */
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type Filters, filtersToParams, parseFilters } from "./filters";

export function useFilters() {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseFilters(new URLSearchParams(searchParams.toString())), [searchParams]);

  /**
   * Written with the History API, which Next.js folds into `useSearchParams`: changing the view is
   * a client-side query, not a server render of the page. `replace` for keystrokes (search), so
   * the back button steps through views rather than letters.
   */
  const setFilters = useCallback(
    (change: Partial<Filters>, { replace = false } = {}) => {
      const query = filtersToParams({ ...filters, ...change }).toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [filters, pathname],
  );

  return { filters, setFilters };
}
