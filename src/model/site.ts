/**
 * The file factmark writes last into every tree it publishes; it is how a tree is recognised as
 * factmark's, and what verify checks it against.
 */
export const manifestName = 'manifest.json'
