using System.Security.Cryptography;

namespace Honjo.GyoseiKaikaku.Domain.Editions;

public enum PublishedFormat
{
    Pdf = 1,
    Excel = 2,

    /// <summary>Open data, CSV (UTF-8 with BOM).</summary>
    Csv = 3,

    /// <summary>Open data, JSON.</summary>
    Json = 4,
}

/// <summary>Which milestone a published file belongs to.</summary>
public enum PublishedKind
{
    /// <summary>計画の公表: the sheets with the year's report rows empty.</summary>
    Plan = 1,

    /// <summary>実績の確定: the same sheets with the year's accepted reports.</summary>
    Results = 2,
}

/// <summary>A file exactly as published with an edition, with its SHA-256 so anyone can check it is unchanged.</summary>
public sealed class PublishedFile
{
    private PublishedFile()
    {
        FileName = string.Empty;
        ContentType = string.Empty;
        Content = [];
        Sha256 = string.Empty;
    }

    public PublishedFile(
        PublishedFormat format, string fileName, string contentType, byte[] content, DateTimeOffset createdAt, PublishedKind kind = PublishedKind.Plan, int revision = 1)
    {
        ArgumentNullException.ThrowIfNull(content);
        Kind = kind;
        Revision = revision;
        Format = format;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }

    public int EditionId { get; private set; }

    public PublishedFormat Format { get; private set; }

    public PublishedKind Kind { get; private set; }

    /// <summary>1 when first published; a 訂正 publishes the file again with the next number and keeps the earlier ones.</summary>
    public int Revision { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public byte[] Content { get; private set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public string Sha256 { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsIntact => Convert.ToHexStringLower(SHA256.HashData(Content)) == Sha256;
}

public static class PublishedFormats
{
    public static string DisplayName(this PublishedFormat format) => format switch
    {
        PublishedFormat.Pdf => "PDF",
        PublishedFormat.Excel => "Excel",
        PublishedFormat.Csv => "CSV",
        PublishedFormat.Json => "JSON",
        _ => format.ToString(),
    };
}
