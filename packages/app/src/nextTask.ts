/** Resolves in a new browser task, so paint and input get a turn first. */
export const nextTask = () => new Promise(resolve => setTimeout(resolve, 0));
