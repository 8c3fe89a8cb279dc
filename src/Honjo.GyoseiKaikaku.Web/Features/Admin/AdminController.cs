using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>The 企画課's user administration: list, add, edit, lock and unlock, reset a password.</summary>
[Authorize(Policy = Policies.PlanningOffice)]
[Route("admin/users")]
public sealed class AdminController(UserAdminHandler handler) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Users([FromQuery] UserListRequest request, CancellationToken ct) =>
        View(await handler.ListAsync(request, ct));

    [HttpGet("new")]
    public async Task<IActionResult> NewUser(CancellationToken ct) => View(await handler.NewAsync(new CreateUserRequest(), ct));

    [HttpPost("new")]
    public async Task<IActionResult> NewUser([FromForm] CreateUserRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.CreateAsync(request, ModelState.IsValid, ct);
        if (result.Outcome == UserCommandOutcome.Done)
        {
            TempData["Notice"] = $"利用者「{result.UserName}」を登録しました。初期パスワードを本人に伝えてください。初めてのサインインで変更が求められます。";
            return Redirect("/admin/users");
        }

        AddErrors(result);
        return View(await handler.NewAsync(request with { Password = string.Empty }, ct));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> EditUser(string id, CancellationToken ct) =>
        await handler.EditAsync(id, null, User, ct) is { } model ? View(model) : NotFound();

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> EditUser(string id, [FromForm] UserProfileRequest request, CancellationToken ct) =>
        await RespondAsync(id, await handler.UpdateAsync(id, request, ModelState.IsValid, User, ct), "の表示名・役割・担当部署を更新しました。", request, ct);

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id, CancellationToken ct) =>
        await RespondAsync(id, await handler.LockAsync(id, User, ct), "をロックしました。サインインできなくなります。", null, ct);

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, CancellationToken ct) =>
        await RespondAsync(id, await handler.UnlockAsync(id, ct), "のロックを解除しました。", null, ct);

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, [FromForm] ResetPasswordRequest request, CancellationToken ct) =>
        await RespondAsync(
            id,
            await handler.ResetPasswordAsync(id, request, ModelState.IsValid, ct),
            "のパスワードを再設定しました。新しいパスワードを本人に伝えてください。次のサインインで変更が求められます。",
            null,
            ct);

    /// <summary>Back to the user's page with a notice, or the page again with the errors and what was typed.</summary>
    private async Task<IActionResult> RespondAsync(string id, UserCommandResult result, string notice, UserProfileRequest? typed, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case UserCommandOutcome.NotFound:
                return NotFound();
            case UserCommandOutcome.Done:
                TempData["Notice"] = $"利用者「{result.UserName}」{notice}";
                return Redirect($"/admin/users/{Uri.EscapeDataString(id)}/edit");
            default:
                AddErrors(result);
                return View(nameof(EditUser), await handler.EditAsync(id, typed, User, ct));
        }
    }

    private void AddErrors(UserCommandResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
    }
}
