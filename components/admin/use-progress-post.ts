"use client";

import { useCallback, useState } from "react";
import type { ProgressEvent } from "@/lib/progress";

export type ProgressState<R> =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number | null }
  | { phase: "finished"; outcome: Exclude<ProgressEvent<R>, { type: "progress" }> };

const LOST = "The connection to the server was lost before it answered. Reload the page to see what is stored.";

/**
 * POSTs to a route that answers with server/progress-stream.ts and follows its progress lines
 * until the one outcome line. The server decides and validates everything; this only reads.
 */
export function useProgressPost<R>() {
  const [state, setState] = useState<ProgressState<R>>({ phase: "idle" });

  const start = useCallback(async (url: string, body: BodyInit): Promise<Exclude<ProgressEvent<R>, { type: "progress" }>> => {
    setState({ phase: "running", done: 0, total: null });
    const finish = (outcome: Exclude<ProgressEvent<R>, { type: "progress" }>) => {
      setState({ phase: "finished", outcome });
      return outcome;
    };
    let response: Response;
    try {
      response = await fetch(url, { method: "POST", body });
    } catch {
      return finish({ type: "failed", message: LOST });
    }
    if (response.redirected || !response.body || !response.headers.get("content-type")?.includes("ndjson")) {
      // Signed out meanwhile: the guard redirected to sign-in.
      if (response.redirected) window.location.assign(response.url);
      return finish({ type: "failed", message: response.status === 413 ? "The file is too large." : LOST });
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    for (;;) {
      let chunk: ReadableStreamReadResult<string>;
      try {
        chunk = await reader.read();
      } catch {
        return finish({ type: "failed", message: LOST });
      }
      if (chunk.done) return finish({ type: "failed", message: LOST });
      buffered += chunk.value;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const event = JSON.parse(buffered.slice(0, newline)) as ProgressEvent<R>;
        buffered = buffered.slice(newline + 1);
        if (event.type === "progress") setState({ phase: "running", done: event.done, total: event.total });
        else return finish(event);
      }
    }
  }, []);

  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, start, reset };
}
