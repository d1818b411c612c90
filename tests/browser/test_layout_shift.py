"""Pages hold still while they load: what a script fills in has its room kept, or the server draws
it. Chromium's own layout-shift entries (the Cumulative Layout Shift that Lighthouse scores) add
up to under 0.02 on every page of a small phone, served by the network and by the service worker."""
import pytest

from tests.browser.test_offline import wait_until_offline_ready
from tools.browser import SMALL_PHONE
from tools.screenshots import PAGES

MOST_SHIFT = 0.02
# Every layout shift from the first paint on, with what moved, kept on window for the test to read.
OBSERVE = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    const moved = entry.sources.map((source) => {
      const node = source.node;
      if (!node || node.nodeType !== 1) return "text";
      return `${node.tagName.toLowerCase()}.${[...node.classList].join(".")}`;
    });
    window.__shifts.push({ value: entry.value, moved });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def shifts(page, path):
    """The page's layout shifts while it loads and its scripts settle: (total, what moved)."""
    page.goto(path)
    page.wait_for_load_state("networkidle")
    # Two frames after the network is quiet: any shift from what the scripts drew has been reported.
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    found = page.evaluate("window.__shifts")
    return round(sum(shift["value"] for shift in found), 4), [shift["moved"] for shift in found]


@pytest.fixture(scope="module", params=["network", "service worker"])
def phone(request, browser, base_url):
    """A 360x640 phone that has read the warning signs, shared by the module's tests; with its pages
    from the network, or with the service worker installed and answering (its precache made once)."""
    by_worker = request.param == "service worker"
    context = browser.new_context(base_url=base_url, viewport=SMALL_PHONE,
                                  service_workers="allow" if by_worker else "block")
    page = context.new_page()
    page.goto("/safety")
    page.evaluate("localStorage.setItem('easeback:safety-acknowledged', '{}')")
    if by_worker:
        wait_until_offline_ready(page)
    page.add_init_script(OBSERVE)
    yield page
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_the_page_holds_still_while_it_loads(phone, path):
    total, moved = shifts(phone, path)
    assert total < MOST_SHIFT, f"{path} shifted {total}: {moved}"
