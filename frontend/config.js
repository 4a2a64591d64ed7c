// Where the CMS's delivery API lives. The same front-end files run in development (`make demo`
// serves them on http://127.0.0.1:3000 beside the CMS on :8000) and in the browser tests, which
// serve a copy of this directory with this one file rewritten to point at their own CMS.
export default {
  apiBase: "http://127.0.0.1:8000",
};
