using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SecondGradeAndGradeExplanation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "GradeExplanation",
                table: "YearEndReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SecondGrade",
                table: "YearEndReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecondGradeReason",
                table: "YearEndReports",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PrintsSecondGrade",
                table: "Editions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GradeExplanation",
                table: "YearEndReports");

            migrationBuilder.DropColumn(
                name: "SecondGrade",
                table: "YearEndReports");

            migrationBuilder.DropColumn(
                name: "SecondGradeReason",
                table: "YearEndReports");

            migrationBuilder.DropColumn(
                name: "PrintsSecondGrade",
                table: "Editions");
        }
    }
}
