// What `npm start` keeps off the terminal.

/**
 * A line of the backend's HTTP request log: rootHttpRouter's access line
 * (`"GET /api/... HTTP/1.1" 200 ...`, type=incomingRequest), coloured or not.
 */
export function isRequestLog(line) {
  return line.includes('rootHttpRouter') && line.includes('incomingRequest');
}
