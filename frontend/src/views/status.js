// "Not found" and "could not load" in the reader's language.
import { h } from "../dom.js";

export function renderNotFound(ctx) {
  return h(
    "div",
    { class: "status-page", dataset: { status: "404" } },
    h("h1", { tabindex: "-1" }, ctx.t.notFoundTitle),
    h("p", {}, ctx.t.notFoundText),
    h("p", {}, h("a", { href: `/${ctx.language}/` }, ctx.t.home)),
  );
}

export function renderError(ctx, error) {
  return h(
    "div",
    { class: "status-page", role: "alert", dataset: { status: "error" } },
    h("h1", { tabindex: "-1" }, ctx.t.errorTitle),
    h("p", {}, ctx.t.errorText),
    error?.message ? h("p", { class: "error-detail" }, h("code", { dir: "ltr" }, error.message)) : null,
  );
}
