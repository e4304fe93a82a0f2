"use client";
/** The current view's filters, read from and written to the URL so reload, back and sharing work. */
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type Filters, filtersToParams, parseFilters } from "./filters";

export function useFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseFilters(new URLSearchParams(searchParams.toString())), [searchParams]);

  /** `replace` for keystrokes (search), so the back button steps through views rather than letters. */
  const setFilters = useCallback(
    (change: Partial<Filters>, { replace = false } = {}) => {
      const query = filtersToParams({ ...filters, ...change }).toString();
      const url = query ? `${pathname}?${query}` : pathname;
      if (replace) router.replace(url, { scroll: false });
      else router.push(url, { scroll: false });
    },
    [filters, pathname, router],
  );

  return { filters, setFilters };
}
