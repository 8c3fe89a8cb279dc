using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Honjo.GyoseiKaikaku.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentReorganizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EndedAt",
                table: "PlanKeys",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FromYear",
                table: "Departments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SucceededAsOf",
                table: "Departments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuccessorId",
                table: "Departments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DepartmentReorganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AsOfYear = table.Column<int>(type: "INTEGER", nullable: false),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DepartmentReorganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DepartmentReorganizations_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Departments_SuccessorId",
                table: "Departments",
                column: "SuccessorId");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentReorganizations_AsOfYear",
                table: "DepartmentReorganizations",
                column: "AsOfYear");

            migrationBuilder.CreateIndex(
                name: "IX_DepartmentReorganizations_DepartmentId",
                table: "DepartmentReorganizations",
                column: "DepartmentId");

            migrationBuilder.AddForeignKey(
                name: "FK_Departments_Departments_SuccessorId",
                table: "Departments",
                column: "SuccessorId",
                principalTable: "Departments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Departments_Departments_SuccessorId",
                table: "Departments");

            migrationBuilder.DropTable(
                name: "DepartmentReorganizations");

            migrationBuilder.DropIndex(
                name: "IX_Departments_SuccessorId",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "EndedAt",
                table: "PlanKeys");

            migrationBuilder.DropColumn(
                name: "FromYear",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "SucceededAsOf",
                table: "Departments");

            migrationBuilder.DropColumn(
                name: "SuccessorId",
                table: "Departments");
        }
    }
}
