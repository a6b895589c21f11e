/** Live views of running runs: screencasts of the browser a run drives, scoped to its organisation. */
package io.skyvern.liveview;
