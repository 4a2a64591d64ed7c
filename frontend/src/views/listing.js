// The news, statements and In Focus sections: cards with filters kept in the URL's query, so a
// filtered listing can be bookmarked and the Back button undoes a filter.
import { api } from "../api.js";
import { cardList, loadMore, card } from "../components.js";
import { h } from "../dom.js";
import { choice } from "../i18n.js";

export const SECTION_OF_TYPE = {
  "pages.NewsIndexPage": "news",
  "pages.StatementIndexPage": "statements",
  "pages.InFocusIndexPage": "in-focus",
};

// The `type` values each listing accepts (the API schema's enums).
const KINDS = {
  news: ["meeting_report", "wire", "fact_sheet", "readout", "story"],
  statements: [
    "joint_statement", "co_chairs_statement", "joint_communique", "small_group_communique",
    "political_directors_statement", "readout", "on_behalf_of_coalition",
    "working_group_statement", "guiding_principles",
  ],
  "in-focus": ["video", "photo_essay", "analysis", "timeline", "profile", "campaign", "heritage"],
};
const FILTERS = ["q", "type", "year", "line_of_effort", "hashtag", "ordering"];
const PAGE_SIZE = 12;
const FIRST_YEAR = 2014;

export function filtersFrom(url) {
  const filters = {};
  for (const name of FILTERS) {
    const value = url.searchParams.get(name);
    if (value) filters[name] = value.trim();
  }
  return filters;
}

function select(id, label, name, options, current) {
  return h(
    "div",
    { class: "field" },
    h("label", { for: id }, label),
    h(
      "select",
      { id, name },
      options.map(([value, text]) => h("option", { value, selected: value === (current || "") }, text)),
    ),
  );
}

export function filterForm(ctx, { section, filters, onSubmit, withType = true }) {
  const { t, language, site } = ctx;
  const years = [];
  for (let year = new Date().getFullYear(); year >= FIRST_YEAR; year -= 1) years.push([String(year), String(year)]);
  const form = h(
    "form",
    { class: "filters", role: "search", "aria-label": t.filters, method: "get" },
    h(
      "div",
      { class: "field" },
      h("label", { for: "filter-q" }, t.filterQuery),
      h("input", { id: "filter-q", name: "q", type: "search", value: filters.q || "" }),
    ),
    withType
      ? select("filter-type", t.filterType, "type", [["", t.any], ...KINDS[section].map((k) => [k, choice(language, "kinds", k)])], filters.type)
      : null,
    select("filter-year", t.filterYear, "year", [["", t.any], ...years], filters.year),
    select(
      "filter-line",
      t.filterLine,
      "line_of_effort",
      [["", t.any], ...(site?.lines_of_effort || []).map((line) => [line.slug, line.name])],
      filters.line_of_effort,
    ),
    h(
      "div",
      { class: "field" },
      h("label", { for: "filter-hashtag" }, t.filterHashtag),
      h("input", { id: "filter-hashtag", name: "hashtag", type: "text", value: filters.hashtag || "", autocomplete: "off" }),
    ),
    select("filter-order", t.filterOrder, "ordering", [["", t.newestFirst], ["date", t.oldestFirst]], filters.ordering),
    h(
      "div",
      { class: "filters__actions" },
      h("button", { type: "submit", class: "button" }, t.apply),
      h("button", { type: "reset", class: "button button--secondary" }, t.reset),
    ),
  );
  const submit = (values) => {
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(values)) if (value && String(value).trim()) query.set(name, String(value).trim().replace(/^#/, ""));
    onSubmit(query);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(Object.fromEntries(new FormData(form)));
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    submit({});
  });
  return form;
}

/** Cards of one section with a "Load more" button; a 400 (bad filter) is shown, not thrown. */
export async function results(ctx, { section, params, level = 2 }) {
  const { t } = ctx;
  let page;
  try {
    page = await api.list(section, { locale: ctx.language, limit: PAGE_SIZE, ...params }, { signal: ctx.signal });
  } catch (error) {
    if (error.status === 400) return h("p", { class: "problem", role: "alert" }, error.message);
    throw error;
  }
  if (!page.items.length) return h("p", { class: "empty", role: "status" }, t.noResults);
  const list = cardList(page.items, ctx, { level });
  return h(
    "div",
    { class: "results" },
    h("p", { class: "result-count", role: "status" }, t.results(page.items.length)),
    list,
    loadMore({
      ctx,
      list,
      next: page.next,
      fetchPage: (cursor) => api.list(section, { locale: ctx.language, limit: PAGE_SIZE, ...params, cursor }),
      renderItem: (item) => card(item, ctx, { level }),
    }),
  );
}

export async function renderListing(doc, ctx) {
  const section = SECTION_OF_TYPE[doc.type];
  const filters = filtersFrom(ctx.url);
  const form = filterForm(ctx, {
    section,
    filters,
    onSubmit: (query) => ctx.navigate(`${doc.path}${query.size ? `?${query}` : ""}`, { focus: "results" }),
  });
  return h(
    "div",
    { class: "listing", dataset: { section } },
    h("header", { class: "listing-header" }, h("h1", { tabindex: "-1" }, doc.title), doc.summary ? h("p", { class: "standfirst" }, doc.summary) : null),
    form,
    h("section", { id: "results", class: "listing-results", tabindex: "-1", "aria-label": doc.title }, await results(ctx, { section, params: filters })),
  );
}
