# Drives the first release (commit 74c7d5f, before numeric targets) over HTTP as people would, so that its database
# holds R6 year-end reports in every state. Run from anywhere while that version listens on BASE with a fresh
# database in Development (demo accounts kikaku, shimin, joho, kanri; password honjo-demo-2024).
import urllib.request, urllib.parse, urllib.error, http.cookiejar, re, html
BASE = "http://127.0.0.1:5191"
PASSWORD = "honjo-demo-2024"

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None

def client():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect)

def get(op, url):
    try:
        r = op.open(BASE + url); return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, e.read()

def hidden(page, form_re):
    s = re.search(form_re, page.decode(), re.S).group(0)
    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', s)}

def token(page):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page.decode()).group(1)

def post(op, url, fields, tok):
    data = urllib.parse.urlencode({**fields, "__RequestVerificationToken": tok}).encode()
    try:
        return op.open(urllib.request.Request(BASE + url, data=data)).status
    except urllib.error.HTTPError as e: return e.code

def login(user):
    op = client(); st, p = get(op, "/account/login")
    code = post(op, "/account/login", {"UserName": user, "Password": PASSWORD}, token(p))
    assert code == 302, (user, code); return op

def report(op, plan, text, grade, policy, cmd):
    st, p = get(op, f"/plans/{plan}/report"); assert st == 200, (plan, st)
    f = hidden(p, r'<form[^>]*class="report-form".*?</form>')
    f.update({"StatusReport": text, "Grade": grade, "NextYearPolicy": policy, "Command": cmd})
    code = post(op, f"/plans/{plan}/report", f, token(p)); assert code == 302, (plan, cmd, code)

def review(op, plan, action, comment=None):
    st, p = get(op, f"/plans/{plan}/report")
    ver = re.search(r'action="/plans/%s/report/%s".*?name="Version" value="(\d+)"' % (plan, action), p.decode(), re.S).group(1)
    f = {"Version": ver}
    if comment: f["Comment"] = comment
    code = post(op, f"/plans/{plan}/report/{action}", f, token(p)); assert code == 302, (plan, action, code)

# The reports; the test enters the same ones in a freshly seeded database (FirstReleaseUpgradeTests.Reports).
shimin = login("shimin"); joho = login("joho"); kikaku = login("kikaku")
st, p = get(kikaku, "/booklets"); assert post(kikaku, "/booklets/R6/publish", {}, token(p)) == 302             # 公表 (PDF by Chromium)
report(shimin, "1-9", "コンビニ交付の利用が伸びました。", "A", "周知を続けます。", "save")                      # 下書き
report(shimin, "1-10", "キャッシュレス決済を全窓口に広げました。", "B", "利用促進を図ります。", "submit")
review(kikaku, "1-10", "return", "目標との比較を書いてください。")                                              # 差戻し
report(shimin, "1-10", "キャッシュレス決済を全窓口に広げ、目標と比べました。", "B", "利用促進を図ります。", "submit")
review(kikaku, "1-10", "accept")                                                                                # 確認済 B
report(joho, "1-4", "オープンデータを公開しました。", "A", "公開を広げます。", "submit")
review(kikaku, "1-4", "accept")                                                                                 # 確認済 A
report(joho, "2-18", "情報システムの標準化を進めました。", "A", "移行を完了します。", "submit")                  # 提出済
report(kikaku, "1-1", "窓口アンケートを実施しました。", "A", "アンケートを続けます。", "submit")
review(kikaku, "1-1", "accept")                                                                                 # 確認済 A
report(kikaku, "3-1", "企画課が代わりに入力しました。", "C", "改善策を検討します。", "submit")
review(kikaku, "3-1", "accept")                                                                                 # 確認済 C
report(kikaku, "1-2", "途中まで書きました。", "", "", "save")                                                   # 下書き
st, p = get(kikaku, "/progress"); assert post(kikaku, "/progress/deadline", {"Deadline": "2025-05-31"}, token(p)) == 302
print("driven")
