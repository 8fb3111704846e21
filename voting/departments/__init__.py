"""Departments (职能部门) and their liaisons, shared by vetting and supervision."""

from voting.departments.models import Department, DepartmentCreate, LiaisonCreate
from voting.departments.service import (
    create_department,
    department_in_body,
    department_of,
    find_department,
    list_departments,
    set_liaison,
)

__all__ = [
    "Department",
    "DepartmentCreate",
    "LiaisonCreate",
    "create_department",
    "department_in_body",
    "department_of",
    "find_department",
    "list_departments",
    "set_liaison",
]
