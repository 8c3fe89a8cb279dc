using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Notices;

/// <summary>The signed-in person's notices (every role) and how they want to receive them.</summary>
[Route("notices")]
public sealed class NoticesController(NoticeQueries notices) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page = 1, CancellationToken ct = default) =>
        View(await notices.ListAsync(User, page, ct));

    /// <summary>Opens a notice: marked read, then its page. Another person's notice is a 404.</summary>
    [HttpGet("{id:long}")]
    public async Task<IActionResult> Open(long id, CancellationToken ct)
    {
        var link = await notices.OpenAsync(User, id, ct);
        return link is null ? NotFound() : Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToAction(nameof(Index));
    }

    [HttpPost("read")]
    public async Task<IActionResult> MarkAllRead(CancellationToken ct)
    {
        await notices.MarkAllReadAsync(User, ct);
        TempData["Notice"] = "すべてのお知らせを既読にしました。";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings(CancellationToken ct) => View(await notices.SettingsAsync(User, ct));

    [HttpPost("settings")]
    public async Task<IActionResult> Settings([FromForm] NoticeSettingsRequest request, CancellationToken ct)
    {
        var refused = await notices.SaveSettingsAsync(User, request, ModelState.JapaneseErrors(), ct);
        if (refused is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(refused);
        }

        TempData["Notice"] = request.ReceivesMail ? "通知の設定を保存しました。お知らせはメールでも届きます。" : "通知の設定を保存しました。お知らせはこのシステムの中だけに表示されます。";
        return RedirectToAction(nameof(Settings));
    }
}
