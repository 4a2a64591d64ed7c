// The members of the Coalition (the partner API's member list, which the delivery API shares
// its origin and CORS policy with), filterable by kind and name without another request.
import { api } from "../api.js";
import { h } from "../dom.js";
import { choice, formatDate, formatNumber } from "../i18n.js";

export async function renderMembers(ctx) {
  const { t, language, site } = ctx;
  const data = await api.members(language, { signal: ctx.signal });
  const members = [...data.items].sort((a, b) => a.name.localeCompare(b.name, language));
  const rows = members.map((m) =>
    h(
      "tr",
      { dataset: { kind: m.kind, name: `${m.name} ${m.official_name || ""} ${m.acronym || ""}`.toLocaleLowerCase(language) } },
      h("th", { scope: "row" }, m.name, m.founding ? h("span", { class: "badge" }, ` ${t.founding}`) : null),
      h("td", {}, m.official_name || ""),
      h("td", {}, choice(language, "memberKinds", m.kind)),
      h("td", {}, m.joined_on ? h("time", { datetime: m.joined_on }, formatDate(language, m.joined_on, m.joined_on_precision)) : ""),
    ),
  );
  const status = h("p", { class: "result-count", role: "status" });
  const kind = h(
    "select",
    { id: "member-kind", name: "kind" },
    h("option", { value: "" }, t.allMembers),
    h("option", { value: "state" }, t.states),
    h("option", { value: "organisation" }, t.organisations),
  );
  const name = h("input", { id: "member-name", name: "name", type: "search", autocomplete: "off" });
  const apply = () => {
    const needle = name.value.trim().toLocaleLowerCase(language);
    let shown = 0;
    for (const row of rows) {
      const visible = (!kind.value || row.dataset.kind === kind.value) && (!needle || row.dataset.name.includes(needle));
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    }
    status.textContent = t.results(shown);
  };
  kind.addEventListener("change", apply);
  name.addEventListener("input", apply);
  apply();
  return h(
    "div",
    { class: "members" },
    h("h1", { tabindex: "-1" }, t.members),
    h("p", { class: "standfirst" }, t.membersIntro(formatNumber(language, site.member_count))),
    h(
      "form",
      { class: "filters", role: "search", "aria-label": t.filters, onsubmit: (e) => e.preventDefault() },
      h("div", { class: "field" }, h("label", { for: "member-kind" }, t.kindFilter), kind),
      h("div", { class: "field" }, h("label", { for: "member-name" }, t.memberName), name),
    ),
    status,
    h(
      "table",
      { class: "member-table" },
      h("caption", { class: "visually-hidden" }, t.members),
      h("thead", {}, h("tr", {}, [t.memberName, t.officialName, t.filterType, t.joined].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows),
    ),
  );
}
