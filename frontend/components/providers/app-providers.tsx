"use client";
/** Client-side state for signed-in pages: the query cache, the API client and toasts, created once per user. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createContext, type ReactNode, use, useState } from "react";
import { ToastProvider } from "@/components/ui/toasts";
import { type ApiClient, ApiUnreachableError, createApiClient } from "@/lib/api";
import { fetchSessionToken } from "@/lib/client/session-token";

const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = use(ApiContext);
  if (!api) throw new Error("useApi must be used inside <AppProviders>");
  return api;
}

// An API that answered, or a session that ended, will answer the same again; only outages are worth a retry.
const retryOutagesOnly = (failures: number, error: unknown) => error instanceof ApiUnreachableError && failures < 2;

export function AppProviders({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: retryOutagesOnly, staleTime: 30_000 } } }));
  const [api] = useState(() => createApiClient({ baseUrl: apiUrl, fetchToken: fetchSessionToken }));
  return (
    <QueryClientProvider client={queryClient}>
      <ApiContext value={api}>
        <ToastProvider>{children}</ToastProvider>
      </ApiContext>
    </QueryClientProvider>
  );
}
