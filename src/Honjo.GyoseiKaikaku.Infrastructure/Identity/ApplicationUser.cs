using Microsoft.AspNetCore.Identity;

namespace Honjo.GyoseiKaikaku.Infrastructure.Identity;

/// <summary>A person who signs in: department staff, the 企画課, or a reader.</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown on screens ("市民課 担当者").</summary>
    public string DisplayName { get; set; } = string.Empty;
}
