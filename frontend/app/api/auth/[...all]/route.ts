import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/lib/server/auth";
import { guardAuthRoute } from "@/lib/server/auth-route";

export const { GET, POST } = toNextJsHandler(guardAuthRoute((request) => getAuth().handler(request)));
