import { Global } from "recharts";

/**
 * Before the browser's first drawing: charts are drawn on the server, where recharts cannot measure
 * text, so the browser draws them the same way (our charts set their sizes and tick intervals
 * explicitly, so nothing depends on measured text) and a redrawn chart looks like the server's.
 */
export function drawLikeTheServer(): void {
  Global.set("isSsr", true);
}
