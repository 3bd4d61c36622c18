import { healthResponse } from "@/server/health";

// Every probe reads the database now: never a cached answer.
export const dynamic = "force-dynamic";

/** For load balancers and uptime monitors: no sign-in (proxy.ts matches /rest and /admin only). */
export function GET(): Promise<Response> {
  return healthResponse();
}
