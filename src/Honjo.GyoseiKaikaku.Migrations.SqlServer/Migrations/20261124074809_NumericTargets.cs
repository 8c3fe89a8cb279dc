using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class NumericTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "ActualValue",
                table: "YearEndReports",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TargetDirection",
                table: "PlanYearTargets",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TargetUnit",
                table: "PlanYearTargets",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TargetValue",
                table: "PlanYearTargets",
                type: "decimal(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ActualValue",
                table: "YearEndReports");

            migrationBuilder.DropColumn(
                name: "TargetDirection",
                table: "PlanYearTargets");

            migrationBuilder.DropColumn(
                name: "TargetUnit",
                table: "PlanYearTargets");

            migrationBuilder.DropColumn(
                name: "TargetValue",
                table: "PlanYearTargets");
        }
    }
}
