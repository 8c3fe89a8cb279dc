using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Honjo.GyoseiKaikaku.Domain.Plans;

namespace Honjo.GyoseiKaikaku.Infrastructure.Workbooks;

/// <summary>
/// SHA-256 fingerprints recorded in a workbook's metadata at download. The content fingerprint covers what a plan
/// sheet shows read-only, so comparing it with the plan as it is now tells whether the plan changed since download;
/// the inputs fingerprint covers the three input cells, so an upload can tell which sheets the department touched.
/// </summary>
public static class WorkbookFingerprint
{
    /// <summary>
    /// The plan's number, name, executing departments and target of the workbook's year. The year itself is left out:
    /// a workbook of another edition is refused as such, not as a damaged one.
    /// </summary>
    public static string Content(PlanNumber number, WorkbookPlanContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Hash("content/1", number.ToString(), WorkbookText.Normalize(content.Name),
            WorkbookText.Normalize(content.Departments), WorkbookText.Normalize(content.Target));
    }

    public static string Inputs(WorkbookInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var n = inputs.Normalized();
        return Hash("inputs/1", n.StatusReport, n.Grade, n.NextYearPolicy);
    }

    // Each part is length-prefixed so that moving text from one field to the next changes the hash.
    private static string Hash(params string[] parts)
    {
        var canonical = new StringBuilder();
        foreach (var part in parts)
        {
            canonical.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }
}
