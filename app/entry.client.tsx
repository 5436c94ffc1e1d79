import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { Global } from "recharts";

// Charts are drawn on the server, where recharts cannot measure text. Drawing them the same way in
// the browser keeps the two identical: no hydration mismatch, no layout jump. (Our charts set their
// sizes and tick intervals explicitly, so nothing depends on measured text.)
Global.set("isSsr", true);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});
