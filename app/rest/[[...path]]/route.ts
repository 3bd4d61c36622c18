import { REST_ROUTES } from "@/server/rest/routes";
import { handleRest } from "@/server/rest/router";

// One catch-all for /rest/V1/… and /rest/{storeCode}/V1/…: lib/rest routes, authorizes and answers.
export const dynamic = "force-dynamic";

export const GET = (request: Request) => handleRest(request, "GET", REST_ROUTES);
export const POST = (request: Request) => handleRest(request, "POST", REST_ROUTES);
export const PUT = (request: Request) => handleRest(request, "PUT", REST_ROUTES);
export const DELETE = (request: Request) => handleRest(request, "DELETE", REST_ROUTES);
export const PATCH = (request: Request) => handleRest(request, "PATCH", REST_ROUTES);
