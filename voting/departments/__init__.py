"""Departments (职能部门) and their liaisons, shared by vetting and supervision."""
