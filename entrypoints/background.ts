export default defineBackground(() => {
  // Wired in the extension issue: the message table, the store and the engine.
});
