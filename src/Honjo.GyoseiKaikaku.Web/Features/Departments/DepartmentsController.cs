using Microsoft.AspNetCore.Mvc;

namespace Honjo.GyoseiKaikaku.Web.Features.Departments;

[Route("departments")]
public sealed class DepartmentsController(DepartmentQueries queries) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] string? year, CancellationToken cancellationToken)
    {
        var model = await queries.ListAsync(year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Detail(int id, [FromQuery] string? year, CancellationToken cancellationToken)
    {
        var model = await queries.DetailAsync(id, year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
