using Honjo.GyoseiKaikaku.Web.Features.Authorization;
using Honjo.GyoseiKaikaku.Web.Features.Shared.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Admin;

/// <summary>The 企画課's user administration: list, add, edit, lock and unlock, reset a password.</summary>
[Authorize(Policy = Policies.PlanningOffice)]
[Route("admin/users")]
public sealed class AdminController(EditUserHandler edit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Users([FromQuery] UserListRequest request, [FromServices] UserListQuery list, CancellationToken ct) =>
        View(await list.ListAsync(request, ct));

    [HttpGet("new")]
    public async Task<IActionResult> NewUser([FromServices] CreateUserHandler create, CancellationToken ct) => View(await create.NewAsync(new CreateUserRequest(), ct));

    [HttpPost("new")]
    public async Task<IActionResult> NewUser([FromForm] CreateUserRequest request, [FromServices] CreateUserHandler create, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await create.CreateAsync(request, ModelState.IsValid, ct);
        if (result.IsOk)
        {
            TempData["Notice"] = $"利用者「{result.Value}」を登録しました。初期パスワードを本人に伝えてください。初めてのサインインで変更が求められます。";
            return RedirectToAction(nameof(Users));
        }

        AddErrors(result);
        return View(await create.NewAsync(request with { Password = string.Empty }, ct));
    }

    [HttpGet("{id}/edit")]
    public async Task<IActionResult> EditUser(string id, CancellationToken ct) =>
        await edit.EditAsync(id, null, User, ct) is { } model ? View(model) : NotFound();

    [HttpPost("{id}/edit")]
    public async Task<IActionResult> EditUser(string id, [FromForm] UserProfileRequest request, CancellationToken ct) =>
        await RespondAsync(id, await edit.UpdateAsync(id, request, ModelState.IsValid, User, ct), "の表示名・役割・担当部署を更新しました。", request, ct);

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id, [FromServices] LockUserHandler lockUser, CancellationToken ct) =>
        await RespondAsync(id, await lockUser.LockAsync(id, User, ct), "をロックしました。サインインできなくなります。", null, ct);

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id, [FromServices] UnlockUserHandler unlock, CancellationToken ct) =>
        await RespondAsync(id, await unlock.UnlockAsync(id, ct), "のロックを解除しました。", null, ct);

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, [FromForm] ResetPasswordRequest request, [FromServices] ResetPasswordHandler reset, CancellationToken ct) =>
        await RespondAsync(
            id,
            await reset.ResetPasswordAsync(id, request, ModelState.IsValid, ct),
            "のパスワードを再設定しました。新しいパスワードを本人に伝えてください。次のサインインで変更が求められます。",
            null,
            ct);

    /// <summary>Back to the user's page with a notice, or the page again with the errors and what was typed.</summary>
    private Task<IActionResult> RespondAsync(string id, UseCaseResult<string> result, string notice, UserProfileRequest? typed, CancellationToken ct) =>
        this.AnswerAsync(
            result,
            ok: userName =>
            {
                TempData["Notice"] = $"利用者「{userName}」{notice}";
                return RedirectToAction(nameof(EditUser), new { id });
            },
            refused: async refused =>
            {
                AddErrors(refused);
                return View(nameof(EditUser), await edit.EditAsync(id, typed, User, ct));
            });

    private void AddErrors(UseCaseResult<string> result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }

        Response.StatusCode = UseCaseHttp.StatusCodeOf(result.Status);
    }
}
