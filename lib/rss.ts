/**
 * An RSS 2.0 document, written by hand: one channel of plain-text items is all Stockroom's feeds
 * need, and the npm feed builders would bring more code than this (and unmaintained XML writers).
 */

export interface RssItem {
  title: string;
  link: string;
  description: string;
  /** Not a URL: written with isPermaLink="false". */
  guid: string;
  pubDate: Date;
}

export interface RssChannel {
  title: string;
  /** The page the feed is about. */
  link: string;
  /** The feed's own URL (atom:link rel="self", which feed validators ask for). */
  self: string;
  description: string;
  lastBuildDate: Date;
  items: readonly RssItem[];
}

// Characters XML 1.0 cannot hold at all (controls, lone surrogates, U+FFFE/U+FFFF): dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text as XML character data or an attribute value. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** RFC 822 date-time, as RSS 2.0 asks ("Thu, 01 Jan 2026 10:00:00 GMT"). */
const rfc822 = (date: Date) => date.toUTCString();

const element = (name: string, text: string) => `<${name}>${xmlText(text)}</${name}>`;

export function rssDocument(channel: RssChannel): string {
  const items = channel.items.map((item) =>
    [
      "<item>",
      element("title", item.title),
      element("link", item.link),
      element("description", item.description),
      `<guid isPermaLink="false">${xmlText(item.guid)}</guid>`,
      element("pubDate", rfc822(item.pubDate)),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    "<channel>",
    element("title", channel.title),
    element("link", channel.link),
    `<atom:link href="${xmlText(channel.self)}" rel="self" type="application/rss+xml"/>`,
    element("description", channel.description),
    element("lastBuildDate", rfc822(channel.lastBuildDate)),
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}
