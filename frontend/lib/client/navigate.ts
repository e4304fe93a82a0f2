/** Full page loads for moments when nothing of the current user may stay in memory. */

/**
 * Leaves the single-page app for `path`: the cached token, cached tasks and every other piece of
 * client state go with the old page. Used at sign-out, account deletion and an ended session.
 */
export function loadFresh(path: string) {
  // Not router.push: a client-side navigation would keep exactly the state this must drop.
  window.location.assign(path);
}
