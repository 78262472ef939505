"use client";
// Inside the embed's <iframe>: tells the embedding page how tall the form is whenever that changes,
// so the frame fits its content. Posted only to the parent's origin, which the page checked against
// the tenant's allowed origins; the browser drops the message if the parent is anyone else.
import { useEffect } from "react";

export const RESIZE_MESSAGE_TYPE = "switchboard:resize";

export function FrameResizer({ parentOrigin }: { parentOrigin: string }) {
  useEffect(() => {
    if (window.parent === window) return;
    const root = document.documentElement;
    let lastHeight = -1;
    const report = () => {
      const height = Math.ceil(root.scrollHeight);
      if (height === lastHeight) return;
      lastHeight = height;
      window.parent.postMessage({ type: RESIZE_MESSAGE_TYPE, height }, parentOrigin);
    };
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, [parentOrigin]);
  return null;
}
