import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One POST a receiver got, and the status it answered. */
export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  answered: number;
}

export interface Receiver {
  url: string;
  received: ReceivedDelivery[];
  close(): Promise<void>;
}

/**
 * A merchant's endpoint on a free port of this machine, which the server under test POSTs to.
 * It answers 500 to the first `failFirst` tries of each delivery (by X-Stockroom-Delivery), then 200.
 */
export async function startReceiver({ failFirst = 0 } = {}): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];
  const tries = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const delivery = String(req.headers["x-stockroom-delivery"]);
      const attempt = (tries.get(delivery) ?? 0) + 1;
      tries.set(delivery, attempt);
      const answered = attempt <= failFirst ? 500 : 200;
      received.push({ headers: req.headers, body, answered });
      res.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/stock`,
    received,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** The check docs/webhooks.md tells a receiver to make: HMAC-SHA256 of "<timestamp>.<raw body>" with the secret. */
export function signedWith(delivery: ReceivedDelivery, secret: string): boolean {
  const timestamp = String(delivery.headers["x-stockroom-timestamp"]);
  const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${delivery.body}`).digest("hex")}`;
  const got = String(delivery.headers["x-stockroom-signature"]);
  return got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}
