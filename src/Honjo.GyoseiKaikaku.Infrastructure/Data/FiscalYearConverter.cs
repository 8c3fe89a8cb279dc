using Honjo.GyoseiKaikaku.Domain.Common;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Honjo.GyoseiKaikaku.Infrastructure.Data;

/// <summary>Stores a fiscal year as its Reiwa number, so that ordering and range queries stay in SQL.</summary>
public sealed class FiscalYearConverter() : ValueConverter<FiscalYear, int>(y => y.Reiwa, r => new FiscalYear(r));
