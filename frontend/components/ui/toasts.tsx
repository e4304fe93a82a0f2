"use client";
/** Short-lived messages at the bottom of the screen, optionally with one action such as "Undo". */
import { createContext, type ReactNode, use, useCallback, useMemo, useRef, useState } from "react";

type Toast = { id: number; message: string; tone: "info" | "error"; action?: { label: string; run: () => void } };
type ShowOptions = { tone?: Toast["tone"]; action?: Toast["action"]; durationMs?: number };

const ToastContext = createContext<((message: string, options?: ShowOptions) => void) | null>(null);

export function useToast() {
  const show = use(ToastContext);
  if (!show) throw new Error("useToast must be used inside <ToastProvider>");
  return show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (message: string, { tone = "info", action, durationMs = 5_000 }: ShowOptions = {}) => {
      const id = ++nextId.current;
      setToasts((all) => [...all.slice(-2), { id, message, tone, action }]);
      setTimeout(() => dismiss(id), durationMs);
    },
    [dismiss],
  );

  return (
    <ToastContext value={useMemo(() => show, [show])}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast ${toast.tone}`} role={toast.tone === "error" ? "alert" : undefined}>
            <span>{toast.message}</span>
            {toast.action && (
              <button
                type="button"
                onClick={() => {
                  toast.action?.run();
                  dismiss(toast.id);
                }}
              >
                {toast.action.label}
              </button>
            )}
            <button type="button" className="ghost" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}
