using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    /// <summary>Second half of the plan versions (ADR 0016): reports and history point at the plan identity; versions at their edition.</summary>
    public partial class PlanVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_History_Plans_PlanId",
                table: "History");

            migrationBuilder.DropForeignKey(
                name: "FK_YearEndReports_Plans_PlanId",
                table: "YearEndReports");

            migrationBuilder.AddForeignKey(
                name: "FK_History_PlanKeys_PlanKeyId",
                table: "History",
                column: "PlanKeyId",
                principalTable: "PlanKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_Editions_EditionId",
                table: "Plans",
                column: "EditionId",
                principalTable: "Editions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Plans_PlanKeys_PlanKeyId",
                table: "Plans",
                column: "PlanKeyId",
                principalTable: "PlanKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_YearEndReports_PlanKeys_PlanKeyId",
                table: "YearEndReports",
                column: "PlanKeyId",
                principalTable: "PlanKeys",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_History_PlanKeys_PlanKeyId",
                table: "History");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_Editions_EditionId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_Plans_PlanKeys_PlanKeyId",
                table: "Plans");

            migrationBuilder.DropForeignKey(
                name: "FK_YearEndReports_PlanKeys_PlanKeyId",
                table: "YearEndReports");

            migrationBuilder.AddForeignKey(
                name: "FK_History_Plans_PlanId",
                table: "History",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_YearEndReports_Plans_PlanId",
                table: "YearEndReports",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
