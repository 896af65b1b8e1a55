// Starts the interview-season tracker on pages that have one. The tracker's code loads only there, so the
// handbook's other pages carry just these few lines.
import { startEach } from "./boot.js";

startEach("[data-tracker]", "tracker", (root) => {
  import("./tracker-ui.js")
    .then((tracker) => tracker.start(root))
    .catch((error) => console.error("[tracker] could not start", error));
});
