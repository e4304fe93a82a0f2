"use client";
/** Client-side state for signed-in pages: the query stores, the API client and toasts, created once per user. */
import { createContext, type ReactNode, use, useState } from "react";
import { ToastProvider } from "@/components/ui/toasts";
import { type ApiClient, ApiUnreachableError, createApiClient } from "@/lib/api";
import { QueryProvider } from "@/lib/client/queries";
import { fetchSessionToken } from "@/lib/client/session-token";

const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = use(ApiContext);
  if (!api) throw new Error("useApi must be used inside <AppProviders>");
  return api;
}

// An API that answered, or a session that ended, will answer the same again; only outages are worth a retry.
const retryOutagesOnly = (failures: number, error: unknown) => error instanceof ApiUnreachableError && failures < 2;
const QUERY_POLICY = { retry: retryOutagesOnly, staleMs: 30_000 };

export function AppProviders({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  const [api] = useState(() => createApiClient({ baseUrl: apiUrl, fetchToken: fetchSessionToken }));
  return (
    <QueryProvider policy={QUERY_POLICY}>
      <ApiContext value={api}>
        <ToastProvider>{children}</ToastProvider>
      </ApiContext>
    </QueryProvider>
  );
}
