using System.Security.Cryptography.X509Certificates;
using Honjo.GyoseiKaikaku.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Honjo.GyoseiKaikaku.Infrastructure.Hosting;

/// <summary>Configuration section "DataProtection": the name every server shares and the certificate that protects the keys at rest.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// The name that isolates this application's keys. Fixed, so that servers installed in different folders read
    /// each other's cookies and forms (by default ASP.NET Core uses the install path).
    /// </summary>
    public string ApplicationName { get; set; } = "Honjo.GyoseiKaikaku";

    /// <summary>A PFX file whose certificate encrypts the keys in the database (Linux, or any server).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The thumbprint of a certificate in the LocalMachine\My store (Windows Server), instead of a file.</summary>
    public string? CertificateThumbprint { get; set; }
}

/// <summary>
/// ASP.NET Core Data Protection (cookies, antiforgery tokens) with its key ring in the application's database, so
/// that every server and every restart reads the same keys (ADR 0019).
/// </summary>
public static class KeyRing
{
    public static IServiceCollection AddDatabaseKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var builder = services.AddDataProtection()
            .SetApplicationName(options.ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        if (LoadCertificate(options) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }

        return services;
    }

    private static X509Certificate2? LoadCertificate(KeyRingOptions options)
    {
        if (options.CertificatePath is { Length: > 0 } path)
        {
            if (!File.Exists(path))
            {
                throw new StartupConfigurationException($"DataProtection:CertificatePath names a file that does not exist: '{path}'.");
            }

            return X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (options.CertificateThumbprint is { Length: > 0 } thumbprint)
        {
            using var store = new X509Store(StoreName.My, StoreLocation.LocalMachine);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            return found.Count > 0
                ? found[0]
                : throw new StartupConfigurationException($"No certificate with thumbprint {thumbprint} in LocalMachine\\My (DataProtection:CertificateThumbprint).");
        }

        return null;
    }
}
