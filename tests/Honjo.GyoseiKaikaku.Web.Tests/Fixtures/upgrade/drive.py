import urllib.request, urllib.parse, http.cookiejar, re, json, sys, html
BASE="http://127.0.0.1:5099"
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
def client():
    cj=http.cookiejar.CookieJar()
    op=urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cj), NoRedirect)
    return op
def get(op,url):
    try:
        r=op.open(BASE+url); return r.status, r.read()
    except urllib.error.HTTPError as e: return e.code, e.read()
def hidden(page, form_re=None):
    s=page.decode()
    if form_re:
        m=re.search(form_re, s, re.S); s=m.group(0)
    return {m.group(1): html.unescape(m.group(2)) for m in re.finditer(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', s)}
def token(page):
    return re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', page.decode()).group(1)
def post(op,url,fields,tok):
    data=urllib.parse.urlencode({**fields,"__RequestVerificationToken":tok}).encode()
    try:
        r=op.open(urllib.request.Request(BASE+url,data=data)); return r.status
    except urllib.error.HTTPError as e: return e.code
def login(user):
    op=client(); st,p=get(op,"/account/login")
    code=post(op,"/account/login",{"UserName":user,"Password":"honjo-demo-2024"},token(p))
    assert code==302,(user,code); return op
def report(op,plan,text,grade,policy,cmd,actual=None):
    st,p=get(op,f"/plans/{plan}/report"); f=hidden(p, r'<form[^>]*class="report-form".*?</form>')
    f.update({"StatusReport":text,"Grade":grade,"NextYearPolicy":policy,"Command":cmd})
    if actual is not None: f["ActualValue"]=actual
    code=post(op,f"/plans/{plan}/report",f,token(p)); assert code==302,(plan,code)
def review(op,plan,action,comment=None):
    st,p=get(op,f"/plans/{plan}/report"); s=p.decode()
    ver=re.search(r'action="/plans/%s/report/%s".*?name="Version" value="(\d+)"'%(plan,action), s, re.S).group(1)
    f={"Version":ver}
    if comment: f["Comment"]=comment
    code=post(op,f"/plans/{plan}/report/{action}",f,token(p)); assert code==302,(plan,action,code)
shimin=login("shimin"); joho=login("joho"); kikaku=login("kikaku")
report(shimin,"1-9","コンビニ交付の利用が伸びました。","A","周知を続けます。","save","17,000")
report(shimin,"1-10","キャッシュレス決済を全窓口に広げました。","B","利用促進を図ります。","submit","5,800")
review(kikaku,"1-10","return","目標との比較を書いてください。")
report(joho,"1-4","オープンデータを1件公開しました。","B","公開を広げます。","submit")
review(kikaku,"1-4","accept")
report(joho,"2-18","情報システムの標準化を進めました。","A","移行を完了します。","submit")
report(kikaku,"3-1","企画課が代わりに入力しました。","C","改善策を検討します。","submit")
review(kikaku,"3-1","accept")
# plan edit: change one target of 3-12 via the full form
st,p=get(kikaku,"/plans/3-12/edit"); s=p.decode()
m=re.search(r'<form[^>]*class="report-form".*?</form>', s, re.S).group(0)
pairs=[]
for inp in re.finditer(r'<input([^>]*)>', m):
    a=inp.group(1)
    name=re.search(r'name="([^"]+)"',a); 
    if not name or name.group(1)=="__RequestVerificationToken": continue
    typ=re.search(r'type="([^"]+)"',a); typ=typ.group(1) if typ else "text"
    val=re.search(r'value="([^"]*)"',a); val=html.unescape(val.group(1)) if val else ""
    if typ in("checkbox","radio") and "checked" not in a: continue
    pairs.append((name.group(1),val))
for ta in re.finditer(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', m, re.S):
    pairs.append((ta.group(1), html.unescape(ta.group(2))))
for sel in re.finditer(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', m, re.S):
    for o in re.finditer(r'<option([^>]*)>(.*?)</option>', sel.group(2), re.S):
        if "selected" in o.group(1):
            v=re.search(r'value="([^"]*)"',o.group(1)); pairs.append((sel.group(1), html.unescape(v.group(1)) if v else html.unescape(o.group(2))))
pairs=[(k,v) for k,v in pairs if k!="Name"]+[("Name","移行試験で名前を変えた計画")]
data=urllib.parse.urlencode(pairs+[("__RequestVerificationToken",token(p))]).encode()
try: code=kikaku.open(urllib.request.Request(BASE+"/plans/3-12/edit",data=data)).status
except urllib.error.HTTPError as e: code=e.code
assert code==302,("edit",code)
st,p=get(kikaku,"/progress"); assert post(kikaku,"/progress/deadline",{"Deadline":"2025-05-31"},token(p))==302
st,p=get(kikaku,"/booklets"); assert post(kikaku,"/booklets/R6/publish",{},token(p))==302
print("driven")
