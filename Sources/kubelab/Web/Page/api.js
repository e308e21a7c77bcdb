// The server's JSON API. Requests carry the access token in the cookie the first page set.
export async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  };
  const response = await fetch("/api/" + path, options);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

// A new element with a class and text, the page's one way of building markup (never innerHTML:
// task texts and cluster output are shown as text).
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function points(value) {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
