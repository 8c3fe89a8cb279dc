using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Web.Features.Shared;

public sealed record PlanTabsModel(PlanNumber Number, string Current, string? YearRoute);
