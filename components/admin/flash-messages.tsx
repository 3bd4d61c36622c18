"use client";

import { useEffect } from "react";
import { Message } from "@/components/ui/message";
import { useTranslateMessage } from "@/components/ui/use-translate-message";
import { FLASH_COOKIE, type Flash } from "@/lib/flash-cookie";

/**
 * Shows the messages a server action left for this page (English, as the action wrote them; in
 * the reader's language where the Messages catalog knows them), then forgets them so a reload is quiet.
 */
export function FlashMessages({ messages }: { messages: Flash[] }) {
  const translate = useTranslateMessage();
  useEffect(() => {
    if (messages.length > 0) document.cookie = `${FLASH_COOKIE}=; Max-Age=0; path=/admin; SameSite=Lax`;
  }, [messages]);
  if (messages.length === 0) return null;
  return (
    <div className="mt-4 space-y-2">
      {messages.map((m) => (
        <Message key={m.text} kind={m.kind}>
          {translate(m.text)}
        </Message>
      ))}
    </div>
  );
}
