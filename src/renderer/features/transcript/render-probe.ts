declare global {
  interface Window {
    /** Set by a test before the page loads (issue 28): every render of a drawn turn adds its position. */
    __duidingTurnRenders?: number[];
  }
}

/**
 * Lets an end-to-end test see which turns rendered: a correction must repaint its own turn only,
 * and that cannot be read from the page's DOM (a turn rendered again to the same spans changes no
 * node). Nothing happens unless the test set the list: one property read per render.
 */
export function noteTurnRender(position: number): void {
  window.__duidingTurnRenders?.push(position);
}
