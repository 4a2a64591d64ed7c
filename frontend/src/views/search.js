// Search across news, statements (the `latest` stream) and In Focus, with the same filters as
// the listings; also where a line of effort on the home page leads.
import { api } from "../api.js";
import { cardList } from "../components.js";
import { h } from "../dom.js";
import { filterForm, filtersFrom } from "./listing.js";

export async function renderSearch(ctx) {
  const { t, language, signal } = ctx;
  const filters = filtersFrom(ctx.url);
  const path = `/${language}/search/`;
  const form = filterForm(ctx, {
    section: "news",
    filters,
    withType: false,
    onSubmit: (query) => ctx.navigate(`${path}${query.size ? `?${query}` : ""}`, { focus: "results" }),
  });
  form.querySelector("label[for=filter-q]").textContent = t.searchLabel;
  form.querySelector("button[type=submit]").textContent = t.searchButton;

  let body;
  if (!Object.keys(filters).length) {
    body = h("p", {}, t.searchPrompt);
  } else {
    const params = { ...filters, locale: language, limit: 20 };
    try {
      const [latest, features] = await Promise.all([
        api.list("latest", params, { signal }),
        api.list("in-focus", params, { signal }),
      ]);
      const items = [...latest.items, ...features.items];
      if (!filters.q) items.sort((a, b) => (filters.ordering === "date" ? 1 : -1) * (a.date || "").localeCompare(b.date || ""));
      body = items.length
        ? [h("p", { class: "result-count", role: "status" }, t.results(items.length)), cardList(items, ctx, { level: 2 })]
        : h("p", { class: "empty", role: "status" }, t.noResults);
    } catch (error) {
      if (error.status !== 400) throw error;
      body = h("p", { class: "problem", role: "alert" }, error.message);
    }
  }
  return h(
    "div",
    { class: "search" },
    h("h1", { tabindex: "-1" }, t.search),
    form,
    h("section", { id: "results", class: "listing-results", tabindex: "-1", "aria-label": t.search }, body),
  );
}

