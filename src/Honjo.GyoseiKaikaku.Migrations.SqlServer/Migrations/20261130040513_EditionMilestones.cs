using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    /// <summary>計画の公表 and 実績の確定 (ADR 0016): locked versions, closed reports, the closing time, and published files by kind and revision (existing files: the plan booklet, first revision).</summary>
    public partial class EditionMilestones : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedFiles_EditionId_Format",
                table: "PublishedFiles");

            migrationBuilder.AddColumn<bool>(
                name: "IsClosed",
                table: "YearEndReports",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "PublishedFiles",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Revision",
                table: "PublishedFiles",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "IsLocked",
                table: "Plans",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Editions",
                type: "datetimeoffset",
                nullable: true);

            // Plans of an edition published before this migration are fixed, as publishing now does.
            migrationBuilder.Sql("UPDATE [Plans] SET [IsLocked] = 1 WHERE [EditionId] IN (SELECT [Id] FROM [Editions] WHERE [Status] <> 1);");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedFiles_EditionId_Kind_Format_Revision",
                table: "PublishedFiles",
                columns: new[] { "EditionId", "Kind", "Format", "Revision" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PublishedFiles_EditionId_Kind_Format_Revision",
                table: "PublishedFiles");

            migrationBuilder.DropColumn(
                name: "IsClosed",
                table: "YearEndReports");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "PublishedFiles");

            migrationBuilder.DropColumn(
                name: "Revision",
                table: "PublishedFiles");

            migrationBuilder.DropColumn(
                name: "IsLocked",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Editions");

            migrationBuilder.CreateIndex(
                name: "IX_PublishedFiles_EditionId_Format",
                table: "PublishedFiles",
                columns: new[] { "EditionId", "Format" },
                unique: true);
        }
    }
}
